"""`python -m designer`: the `weaklink` command without its script.
`designer.cli.main` calls `multiprocessing.freeze_support()` first when frozen."""
from designer.cli import main

if __name__ == "__main__":
    main()
