"""Decisions learned from the annotated articles.

The rules propose meetings built for recall (``parley.extract.meetings``);
linear models trained on the gold (``parley.learn.train``, run by
``make model``) decide which proposals are real meetings and what their status
is (``parley.learn.decide``). The weights ship in ``parley/learn/data`` as
JSON, read once per process (``parley.learn.model``).
"""
