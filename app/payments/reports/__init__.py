"""Reports over payments: the dashboard's figures and periods, the order search, wallet holders."""
