"""The voting plugin's pages for members and visitors."""
