"""Domain errors. Each carries one sentence a person can act on."""


class MinutesError(Exception):
    """Base class: the CLI prints the message and exits non-zero."""


class ConfigError(MinutesError):
    """A setting is wrong."""


class InputError(MinutesError):
    """A file cannot be read as minutes (the message names the file and the reason)."""


class IndexMissingError(MinutesError):
    """There is no index, or it is empty."""


class IndexLockedError(MinutesError):
    """Another process is writing to the index."""


class ModelError(MinutesError):
    """The embedding model cannot be loaded or failed verification."""


class QuestionError(MinutesError):
    """A question, its earlier questions or its filters are refused (too long, a bad date)."""
