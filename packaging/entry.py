"""The bundle's entry point. `freeze_support()` must run before anything
else: the analysis worker is a spawned process, and in a frozen bundle the
spawn re-executes this same binary with the worker's arguments."""
import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from designer.cli import main

    main()
