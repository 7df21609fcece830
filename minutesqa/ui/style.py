"""How the page looks: its CSS, each table's fixed columns on a phone, and a theme of
system fonts (the browser fetches nothing from elsewhere). `launch_options` passes them to
Gradio."""

from __future__ import annotations

import gradio as gr

CSS = """
#minutes-header p { margin: 0.2em 0; }
#cited-items *, #briefing *, #register * { font-family: var(--font) !important; }
#cited-items td, #cited-items th, #briefing td, #briefing th, #register td, #register th {
  font-size: 14px; overflow-wrap: anywhere;
}
footer { display: none !important; }
"""

# On a phone Gradio shares the screen's width out among the columns by percentage, so six
# columns of 50 px wrap every word letter by letter. Below PHONE_WIDTH each table's columns
# get these fixed widths instead (px, in header order) and the table scrolls sideways.
PHONE_WIDTH = 720
PHONE_COLUMNS = {
    "cited-items": [120, 108, 84, 150, 190, 90],  # TABLE_HEADERS
    "briefing": [100, 120, 170, 190, 260],  # BRIEF_HEADERS
    "register": [100, 120, 170, 260, 100],  # REGISTER_HEADERS
}


def phone_css(columns: dict[str, list[int]] = PHONE_COLUMNS) -> str:
    """The CSS that gives each table its fixed phone columns, overriding the widths Gradio
    writes into each cell: header cells, the hidden sizing row and the (virtual, flex) body
    cells alike, so they stay aligned."""
    rules = []
    for table, widths in columns.items():
        rules.append(f"#{table} table {{ width: {sum(widths)}px !important; }}")
        for n, px in enumerate(widths, 1):
            size = f"{px}px !important"
            rules.append(
                f"#{table} th:nth-child({n}), #{table} td:nth-child({n}), "
                f"#{table} [role=gridcell]:nth-child({n}) "
                f"{{ width: {size}; min-width: {size}; max-width: {size}; "
                f"flex: 0 0 {size}; overflow-wrap: break-word; }}"
            )
    return f"@media (max-width: {PHONE_WIDTH}px) {{\n" + "\n".join(rules) + "\n}\n"


# the browser fetches nothing from elsewhere: system fonts, no Google Fonts
THEME = gr.themes.Soft(
    font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
)
