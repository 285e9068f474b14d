"""The window shell: main window, actions, dialogs, files, recovery, settings, help."""
