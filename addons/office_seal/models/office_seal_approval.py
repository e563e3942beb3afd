"""Steps shared by the seal requests approved through ``office.approval.mixin``
(use requests, take-outs, hand-overs, deactivations, licence loans), each a
model on ``office.workflow.mixin``: plain functions called by their
``_do_<verb>`` and ``_check_can_<verb>`` methods, no model of their own."""

from odoo.exceptions import UserError


def submit(records, verb="submit"):
    """Move the records to review and start the approval round; refused when
    no approval step applies or a step has nobody to review it. Who reviews
    comes from the ``tier.definition`` records only."""
    records._workflow_set_state(verb)
    records.invalidate_recordset(["need_validation"])
    env = records.env
    for record in records:
        if not record.need_validation:
            raise UserError(
                env._(
                    "No approval step applies to “%(record)s”: ask the office "
                    "director to configure the approval steps.",
                    record=record.display_name,
                )
            )
    records.action_office_request_approval()
    for record in records:
        nobody = record.sudo().review_ids.filtered(lambda r: not r.reviewer_ids)
        if nobody:
            definition = nobody[:1].definition_id
            field = definition.reviewer_field_id
            raise UserError(
                env._(
                    "The approval step “%(step)s” of “%(record)s” has nobody to "
                    "review it%(hint)s.",
                    step=definition.name,
                    record=record.display_name,
                    hint=env._(": fill in “%(field)s”", field=field.field_description)
                    if definition.review_type == "field" and field
                    else "",
                )
            )
    return True


def reset_to_draft(records, vals=None):
    """Back to draft: the reviews of the earlier round go (kept in the
    approval history by office_base)."""
    records.sudo().review_ids.unlink()
    return records._workflow_set_state("draft", vals)


def check_decided(records, status):
    """The approval round of the records is `status` (validated, rejected):
    the transitions the reviewers' decision runs check it."""
    for record in records:
        if record.validation_status != status:
            raise UserError(
                records.env._(
                    "“%(record)s” has not been decided by its reviewers.",
                    record=record.display_name,
                )
            )


def is_director(env):
    """The acting user is the office director (being superuser is not)."""
    return env.user.has_group("office_base.group_office_director")


def approvers(record):
    """Users who approved the current round, in the order of the steps."""
    record.ensure_one()
    reviews = record.sudo().review_ids.filtered(lambda r: r.status == "approved")
    return reviews.sorted("sequence").done_by
