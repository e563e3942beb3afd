"""Two steps shared by the seal requests (use requests, take-outs,
hand-overs, deactivations, licence loans); submission, the reviewers'
decisions and the approvers come from office_base's approval mixin."""


def reset_to_draft(records, vals=None):
    """Back to draft: the reviews of the earlier round go (kept in the
    approval history by office_base)."""
    records._office_reset_reviews()
    return records._workflow_set_state("draft", vals)


def is_director(env):
    """The acting user is the office director (being superuser is not)."""
    return env.user.has_group("office_base.group_office_director")
