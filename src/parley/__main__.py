"""`python -m parley` runs the `parley` command."""

from parley.cli import main

if __name__ == "__main__":
    main(prog_name="parley")
