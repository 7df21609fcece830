"""The vocabularies rules read minutes and questions with: month names, currencies, number
words, titles and posts that mark a person, the nouns that name a body, decision verbs,
causal connectives. One place, so that a rule never carries its own list
(English-language minutes of councils, boards and committees)."""

from __future__ import annotations

# month names and the abbreviations minutes and questions write ("Sept. 2019", "5 Jan");
# dates.py builds its patterns and its month numbers from these, in this order ("sept"
# before "sep": the longer spelling first in a pattern)
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Welsh month names, January to December: bilingual councils in Wales keep minutes in both
# languages ("8fed Gorffennaf 2015" in the Welsh copy of "8th July 2015"); dates.py reads
# them in the minutes' dates only, not in questions
WELSH_MONTHS = (
    "ionawr chwefror mawrth ebrill mai mehefin gorffennaf awst medi hydref tachwedd rhagfyr"
).split()
MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
)

# currency symbols and names: Irish and euro-area minutes write €, British £, US and
# Australian $
CURRENCY_SYMBOLS = "€£$"
CURRENCY_WORDS = ("euro", "euros", "pounds", "dollars", "cent", "pence")

# the nouns that say what kind of body a name is, ending or heading it ("Joint Policing
# Committee", "Safer Stockton Partnership", "Fair Oaks Water District", "Board of
# Directors", "Sacramento County Office of Education"; "cyngor": a Welsh council, "Cyngor
# Cymuned Manordeilo a Salem" in the Welsh copy of bilingual minutes): header.py finds and
# trims a body's name by them
BODY_NOUNS = tuple(
    (
        "committee|sub-committee|subcommittee|board|council|commission|foundation|district|"
        "partnership|authority|trustees|corporation|assembly|panel|group|forum|cabinet|"
        "association|society|trust|agency|senate|taskforce|task force|office of education|"
        "department|institute|university|college|club|union|federation|network|"
        "alliance|coalition|company|conference|executive|town|township|borough|"
        "parish|village|centre|center|shire|municipality|cyngor"
    ).split("|")
)
# ... of which these head a name from its first word (Welsh: "Cyngor Cymuned X")
NOUN_FIRST_BODY_NOUNS = ("cyngor",)
# the body a decision names as deciding, capitalised at a paragraph's start ("The Committee
# agreed", "Members noted", "The Partnership approved"): decisions.py
DECIDING_BODIES = ("members", "partnership", "committee", "board", "council", "panel", "group")
# a part of the organisation that reports to a meeting, ending an item's title
# ("Transportation & Mobility Directorate", "Property Management Services", "Reports from
# Committees"), not a subject: view.py leaves such titles out of example questions
ORG_UNIT_NOUNS = ("directorate", "department", "services", "section", "committee", "committees")
# how a question names the meeting, its papers and the body that met ("what did the
# committee decide", "in the minutes", "the Safer Stockton Partnership"): no topic words,
# even inside a name (terms.BODY_WORDS)
MEETING_WORDS = ("meeting", "meetings", "minute", "minutes", "item", "items")
BODY_REFERENCE_NOUNS = ("partnership", "committee", "council", "members", "member")
# words of committee names that name no body in particular: the commonest kinds of body,
# levels of government and kinds of meeting ("the Municipal District of ...", "Special
# Meeting of the Full Council"): committees.COMMITTEE_GENERIC
GENERIC_NAME_WORDS = (
    "committee committees sub council city county district municipal borough "
    "special annual full monthly"
).split()

# words minutes shorten with a full stop that does not end the sentence (sentence_split):
# titles and ranks before a name ("Councillor J. O'Donoghue", "Supt. Kelly", "Cllr. M.
# Collins"), abbreviations used mid-sentence ("Co. Limerick", "No. 5", "approx. 30",
# "Dept. of Justice") and the months' ("Sept. 2019")
ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof rev fr sr jr st cllr clr cllrs hon rt supt insp sgt gda det "
    "lt col capt cpt gen maj cmdr comdt sen rep gov pres treas sec asst assoc "
    "co no nos vol vols ref para paras pp fig approx est incl excl dept govt ltd inc "
    "corp bros mt ave rd vs viz cf al ca min max tel ext".split()
) | frozenset(MONTH_ABBREVIATIONS)

# numbers written as words ("one in seven", "twelve reports")
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion half dozen"
).split()
# words that scale or qualify a figure
AMOUNT_WORDS = ("million", "billion", "thousand", "k", "m", "bn", "percent", "per cent")

# quarters and seasons name a time as dates do ("Q2 2024", "the second quarter of 2024")
QUARTER_WORDS = ("q1", "q2", "q3", "q4", "quarter", "spring", "summer", "autumn", "winter")

# nouns of a plan or budget that is for a year ("the 2021 budget", "Budgetary Plan 2021",
# "the general municipal allocation for 2015"): such a plan is drawn up and adopted in the
# autumn before the year it is for (answer.dates.plan_year)
PLAN_NOUNS = (
    "budget budgets budgetary plan plans allocation allocations gma estimates programme "
    "programmes program programs"
).split()

# titles before a name ("Mr", "Dr"): honorifics, never alone
HONORIFICS = "mr mrs ms miss dr prof sir dame rev fr sr".split()
# posts and ranks that name a person by office ("the Chief Superintendent", "the
# Operations Manager"), before a name or alone
POSTS = (
    "cllr cllrs councillor councillors mayor alderman trustee director supt superintendent "
    "inspector sergeant sgt garda detective officer chair chairman chairperson chairwoman "
    "clerk secretary treasurer president manager commissioner senator deputy td mp"
).split()
# titles before a name, and posts that name a person by office
PERSON_TITLES = (*HONORIFICS, *POSTS)

# verbs and nouns that record what a meeting decided
DECISION_WORDS = (
    "agreed agree resolved resolve approved approve adopted adopt carried decided decide "
    "noted ratified endorsed rejected refused defeated deferred proposed seconded "
    "unanimously motion resolution"
).split()

# phrases that give a reason, or the want of a power or a means that explains an outcome
REASON_PHRASES = (
    "because",
    "due to",
    "owing to",
    "reason",
    "therefore",
    "as a result",
    "in order to",
    "so that",
    "attributed to",
    "attributable to",
    "caused by",
    "result of",
    "resulting from",
    "driven by",
    "on account of",
    "given that",
    "cannot",
    "can not",
    "unable",
    "not possible",
    "no power",
    "no powers",
)
