"""The events plugin: events and roadshow stops, an events index, an iCalendar feed."""
