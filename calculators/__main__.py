"""`python -m calculators`: see `calculators.cli`."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
