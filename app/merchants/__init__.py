"""Business identity: merchants, their portal users and API keys."""
