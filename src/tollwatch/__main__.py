"""`python -m tollwatch`: the same as the `tollwatch` command."""

from tollwatch.cli import main

main()
