"""Entry point for `python -m importer`."""

from importer.cli import main

raise SystemExit(main())
