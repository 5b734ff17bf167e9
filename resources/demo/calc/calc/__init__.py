"""A tiny calculator package used to produce real coverage reports."""
