"""The folders here are sample projects, the data of tests/test_projects.py: pytest must not
collect their test modules or load their conftest files."""

collect_ignore_glob = ["*"]
