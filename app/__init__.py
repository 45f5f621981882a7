"""Services of Volunteer Check with no widgets: answers files, reports, group screening, CLI."""
