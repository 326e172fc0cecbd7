"""Processes only `make run` starts for a developer: a supervisor for the worker and cron, and a mail catcher."""
