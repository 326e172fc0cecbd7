"""The API request log: every JSON API call a merchant's key made, redacted, for the portal's Developers → Logs."""
