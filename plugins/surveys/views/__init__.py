"""The surveys plugin's views: answering (served by ``SurveyPage``'s routes) and the admin."""
