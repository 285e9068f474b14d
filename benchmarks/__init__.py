"""Speed and memory measurements (`make bench`); medians are printed, never asserted."""
