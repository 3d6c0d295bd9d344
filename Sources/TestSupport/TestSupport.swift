// TestSupport: its issue fills this module in.
import SessionModel
