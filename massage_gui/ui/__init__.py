"""Qt widgets: thin views that render the core's state and forward user actions."""
