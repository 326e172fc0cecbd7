"""Values every domain shares: money and currencies, ids, cursor pages, CSV exports, whole numbers, languages."""
