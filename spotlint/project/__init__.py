"""The project around a file: its module and first-party names (info), and the project-wide index and resolution."""
