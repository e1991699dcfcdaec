"""The two ways an import can fail on purpose; each maps to one error line and an exit status in `cli`."""


class SourceError(Exception):
    """The source cannot be turned into an article (empty, binary, undecodable, no title, no body). Exit 2."""


class OverwriteRefused(Exception):
    """Writing would replace a page someone edited, or one the importer never wrote. Exit 1 (use --force)."""
