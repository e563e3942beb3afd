"""The check shared by the seal requests (use requests, take-outs,
hand-overs, deactivations, licence loans); submission, the reviewers'
decisions and the approvers come from office_base's approval mixin."""


def is_director(env):
    """The acting user is the office director (being superuser is not)."""
    return env.user.has_group("office_base.group_office_director")
