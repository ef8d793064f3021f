"""The moderators' admin screens: the queue, one idea, one comment."""
