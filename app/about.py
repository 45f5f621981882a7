"""The one place that names the application, its version and its ids."""

APP_NAME = "Volunteer Check"
APP_ID = "org.volunteercheck.VolunteerCheck"
ORG_NAME = "Volunteer Check"
ORG_DOMAIN = "volunteercheck.org"
VERSION = "0.1.0"
