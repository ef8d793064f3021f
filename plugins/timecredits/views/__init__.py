"""The time-credits pages: the scheme's home, a volunteer's wallet, and partner staff's tools."""
