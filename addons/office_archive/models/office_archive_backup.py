from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .office_archive_item import ARCHIVIST

MEDIA = [
    ("server", "Archive system storage"),
    ("offline_disk", "Offline hard disk"),
    ("optical", "Optical disc"),
    ("tape", "Magnetic tape"),
    ("remote", "Remote backup site"),
]


class OfficeArchiveBackup(models.Model):
    """A second copy of electronic archives (电子档案异质备份), after 003
    第三十条（二）3: 电子档案采取不同介质存储副本…并对电子档案定期进行检查、转存和
    备份. The copy is kept on a medium other than the archive system's own
    storage (a company setting); it is checked at the company's interval,
    each check re-verifying the originals' digests, and the archivist is
    reminded when a check is due."""

    _name = "office.archive.backup"
    _description = "Second Copy of Electronic Archives"
    _inherit = ["office.workflow.mixin"]
    _order = "made_on desc, id desc"
    _check_company_auto = True
    _workflow_transitions = {
        "make": {"from": ("draft",), "to": "kept", "groups": (ARCHIVIST,)},
        "check": {"from": ("kept",), "to": "kept", "groups": (ARCHIVIST,)},
        "retire": {
            "from": ("kept",),
            "to": "retired",
            "groups": (ARCHIVIST,),
            "reason": True,
        },
    }
    _workflow_locked_fields = ("medium", "label", "made_on", "efile_ids")

    name = fields.Char(string="Label", compute="_compute_name", store=True)
    label = fields.Char(string="Medium label", required=True)
    medium = fields.Selection(MEDIA, required=True, default="optical", tracking=True)
    location = fields.Char(string="Kept at", tracking=True)
    made_on = fields.Date(required=True, default=fields.Date.context_today)
    made_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    efile_ids = fields.Many2many(
        "office.archive.efile",
        "office_archive_backup_efile_rel",
        "backup_id",
        "efile_id",
        string="Electronic files",
    )
    efile_count = fields.Integer(compute="_compute_efile_count")
    last_check_on = fields.Date(readonly=True, copy=False, tracking=True)
    check_result = fields.Selection(
        [("ok", "Readable and intact"), ("failed", "Failed")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    next_check_on = fields.Date(
        compute="_compute_next_check_on", store=True, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("kept", "Kept"), ("retired", "Retired")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("label", "medium")
    def _compute_name(self):
        media = dict(MEDIA)
        for backup in self:
            backup.name = f"{media.get(backup.medium, '')} {backup.label or ''}"

    def _compute_efile_count(self):
        for backup in self:
            backup.efile_count = len(backup.efile_ids)

    @api.depends("made_on", "last_check_on", "state", "company_id")
    def _compute_next_check_on(self):
        for backup in self:
            since = backup.last_check_on or backup.made_on
            months = backup.company_id.archive_backup_check_months
            backup.next_check_on = (
                since + relativedelta(months=months)
                if backup.state == "kept" and since
                else False
            )

    @api.constrains("made_on")
    def _check_made_on(self):
        for backup in self:
            if backup.made_on > backup._workflow_today():
                raise ValidationError(self.env._("A copy is not made in the future."))

    def action_make(self):
        return self._workflow_run("make")

    def _check_can_make(self):
        for backup in self:
            if backup.medium == backup.company_id.archive_primary_medium:
                raise UserError(
                    self.env._(
                        "The second copy is kept on another medium than the archive "
                        "system's own storage (003 第三十条: 不同介质存储副本)."
                    )
                )
            if not backup.efile_ids:
                raise UserError(self.env._("List the electronic files copied."))
            unfiled = backup.efile_ids.filtered(lambda f: not f.sha256)
            if unfiled:
                raise UserError(
                    self.env._(
                        "%(file)s is not filed yet: copy filed files only.",
                        file=unfiled[:1].filename or unfiled[:1].name,
                    )
                )

    def action_check(self):
        return self._workflow_run("check")

    def _do_check(self):
        """The archivist has read the copy back; the originals are
        re-verified against their digests at the same time."""
        for backup in self:
            efiles = backup.sudo().efile_ids
            efiles._verify()
            result = "failed" if efiles.filtered(lambda f: f.state != "ok") else "ok"
            backup._workflow_set_state(
                "check",
                vals={
                    "last_check_on": backup._workflow_today(),
                    "check_result": result,
                },
            )
            backup.sudo().activity_feedback(
                ["office_archive.mail_act_office_archive_backup_check"]
            )
        return True

    def action_retire(self):
        return self._workflow_run("retire")

    @api.model
    def _cron_remind_check(self, limit=500):
        """Remind the archivists of the copies due for their check."""
        return self.sudo()._office_remind(
            [
                ("state", "=", "kept"),
                ("next_check_on", "<=", self.env["office.calendar"].today()),
            ],
            "office_archive.mail_act_office_archive_backup_check",
            "made_by_id",
            deadline_field="next_check_on",
            summary=self.env._(
                "Read the second copy back and check the electronic archives "
                "(003 第三十条)."
            ),
            limit=limit,
        )
