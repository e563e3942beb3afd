import base64
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.office_archive.models.office_archive_item import ITEM_STATES

_logger = logging.getLogger(__name__)

NOTICE_REPORT = "office_seal.office_seal_deactivation_report"


class OfficeSealDeactivation(models.Model):
    _inherit = "office.seal.deactivation"

    archive_item_ids = fields.One2many(
        "office.archive.item",
        "seal_deactivation_id",
        string="Archive items",
        readonly=True,
    )
    archive_item_id = fields.Many2one(
        "office.archive.item",
        string="Archive item",
        compute="_compute_archive_item_id",
        compute_sudo=True,
        help="The physical archive item (实物档案) registered when the "
        "deactivation was approved.",
    )
    archive_item_state = fields.Selection(
        ITEM_STATES,
        string="Archive item state",
        compute="_compute_archive_item_id",
        compute_sudo=True,
    )

    @api.depends("archive_item_ids.state")
    def _compute_archive_item_id(self):
        for record in self:
            item = record.archive_item_ids[:1]
            record.archive_item_id = item
            record.archive_item_state = item.state

    # ------------------------------------------------------------------
    # Archiving
    # ------------------------------------------------------------------

    def _office_archive_prepare(self):
        """Register each approved deactivation or destruction as a draft
        physical archive item (实物档案) of the agency's fonds, with the seal's
        impression and the notice as electronic files, and ask the archivist
        to file it. Idempotent: a deactivation gets one item, ever.

        Runs as superuser: the approver needs no archive rights. When the
        archives are not set up yet (no fonds, no unit code of the office),
        the approval is not refused: a note says so and the item can be
        registered later with *Register in the archives*."""
        res = super()._office_archive_prepare()
        self.sudo()._office_archive_register()
        return res

    def _office_archive_register(self):
        Item = self.env["office.archive.item"].sudo().with_context(active_test=False)
        # lock the deactivations so that two concurrent runs cannot both
        # create an item (the unique constraint is the last resort)
        if self.ids:
            self.env.cr.execute(
                "SELECT id FROM office_seal_deactivation WHERE id IN %s FOR UPDATE",
                (tuple(self.ids),),
            )
        items = Item.browse()
        registered = Item.search([("seal_deactivation_id", "in", self.ids)])
        for record in self.filtered(lambda r: r.state == "done"):
            if record in registered.seal_deactivation_id:
                continue
            vals = record._office_archive_item_vals()
            if not vals:
                record.message_post(
                    body=self.env._(
                        "The seal was not registered in the archives: no fonds or "
                        "unit code of the archive office is set up for %(company)s. "
                        "Set them up, then the office director clicks “Register in "
                        "the archives”.",
                        company=record.company_id.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                continue
            item = Item.create(vals)
            record._office_archive_attach(item)
            record._office_archive_notify(item)
            items |= item
        return items

    def _office_archive_fonds(self):
        self.ensure_one()
        return (
            self.env["office.archive.fonds"]
            .sudo()
            .search(
                [("company_id", "=", self.company_id.id)], order="code, id", limit=1
            )
        )

    def _office_archive_unit(self, fonds):
        """The unit code of the office keeping the archives (办公室, e.g. BGS):
        the seals are kept and handed in by the office."""
        Unit = self.env["office.archive.unit"].sudo()
        unit = Unit.browse()
        if fonds.archive_department_id:
            unit = Unit.search(
                [("department_id", "=", fonds.archive_department_id.id)],
                order="kind desc, id",
                limit=1,
            )
        return unit or Unit.search([("code", "=", "BGS")], limit=1)

    def _office_archive_item_vals(self):
        self.ensure_one()
        fonds = self._office_archive_fonds()
        unit = fonds and self._office_archive_unit(fonds)
        if not (fonds and unit):
            return {}
        seal = self.seal_id
        office = fonds.archive_department_id or unit.department_id
        department = seal.department_id or office
        actions = {"deactivate": "停用", "destroy": "缴销"}
        reasons = dict(self._fields["reason"]._description_selection(self.env))
        lines = [
            self.env._(
                "%(action)s of the seal approved by %(record)s, void from %(date)s.",
                action=dict(self._fields["action"]._description_selection(self.env))[
                    self.action
                ],
                record=self.name,
                date=self.effective_date,
            ),
            self.env._("Reason: %(reason)s", reason=reasons[self.reason]),
            self.description,
            self.env._(
                "Police registration number (备案号): %(number)s",
                number=seal.police_registration_number or "—",
            ),
        ]
        if seal.made_date:
            lines.append(self.env._("Engraved on: %(date)s", date=seal.made_date))
        if self.replacement_seal_id:
            lines.append(
                self.env._("Replaced by: %(seal)s", seal=self.replacement_seal_id.name)
            )
        if self.action == "destroy":
            lines.append(
                self.env._(
                    "The seal itself is handed in for destruction: the item keeps "
                    "its impression and the approval papers."
                )
            )
        return {
            "seal_deactivation_id": self.id,
            "title": f"{seal.name}（{actions[self.action]}）",
            "fonds_id": fonds.id,
            "category_id": self.env.ref("office_archive.category_sw").id,
            "year": self.effective_date.year,
            "retention_id": self.env.ref("office_archive.retention_y").id,
            "unit_id": unit.id,
            "department_id": department.id,
            "carrier": "physical",
            "responsible": self.company_id.name,
            "document_number": self.name,
            "document_date": self.effective_date,
            "issuer": department.name or self.company_id.name,
            "received_date": self.effective_date,
            "pages": 1,
            "note": "\n".join(line for line in lines if line),
            "company_id": self.company_id.id,
        }

    def _office_archive_notice_pdf(self):
        """The notice (印章停用/作废通知) as rendered now, or False."""
        self.ensure_one()
        try:
            content, _kind = (
                self.env["ir.actions.report"]
                .sudo()
                ._render_qweb_pdf(NOTICE_REPORT, self.ids)
            )
        except (UserError, OSError) as error:
            _logger.warning("Seal notice %s not rendered: %s", self.name, error)
            return False
        return content

    def _office_archive_attach(self, item):
        """The notice and the impression as the item's electronic files; their
        SHA-256 is recorded when the archivist files the item."""
        self.ensure_one()
        Efile = self.env["office.archive.efile"].sudo()
        files = []
        notice = self._office_archive_notice_pdf()
        if notice:
            files.append((self.env._("Notice %(name)s.pdf", name=self.name), notice))
        if self.seal_id.impression:
            files.append(
                (
                    self.env._("Impression %(seal)s.png", seal=self.seal_id.name),
                    base64.b64decode(self.seal_id.impression),
                )
            )
        for filename, raw in files:
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": filename,
                        "raw": raw,
                        "res_model": "office.archive.item",
                        "res_id": item.id,
                    }
                )
            )
            Efile.create(
                {
                    "item_id": item.id,
                    "filename": filename,
                    "attachment_id": attachment.id,
                }
            )

    def _office_archive_archivist(self, item):
        archivist = item.fonds_id.archive_department_id._archive_lead()
        if not (archivist and archivist.has_group("office_archive.group_archivist")):
            archivist = (
                self.env.ref("office_archive.group_archivist")
                .users.filtered(lambda u: item.company_id in u.company_ids)
                .sorted("id")[:1]
            )
        return archivist or self.env.ref("base.user_admin")

    def _office_archive_notify(self, item):
        self.ensure_one()
        item.message_post(
            body=self.env._(
                "Registered from the approved seal deactivation %(record)s.",
                record=self.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        self.message_post(
            body=self.env._(
                "The seal is registered in the archives as a physical item to be "
                "filed: %(item)s.",
                item=item.title,
            ),
            subtype_xmlid="mail.mt_note",
        )
        item.activity_schedule(
            "office_archive_seal.mail_act_office_archive_seal_file",
            user_id=self._office_archive_archivist(item).id,
            # a void seal leaves the keeper's safe within a working week
            date_deadline=self.env["office.calendar"].add_working_days(
                fields.Date.context_today(self), 5, company=self.company_id
            ),
            note=self.env._(
                "Receive the seal “%(seal)s” (%(record)s), put it in a box and "
                "file the item.",
                seal=self.seal_id.name,
                record=self.name,
            ),
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_office_archive_register(self):
        """Register approved deactivations missed so far (archives set up
        after the approval); the office director, who reads all deactivations
        and is an archivist too."""
        if not self.env.user.has_group("office_base.group_office_director"):
            raise AccessError(
                self.env._("Only the office director registers a seal in the archives.")
            )
        if self.filtered(lambda r: r.state != "done"):
            raise UserError(
                self.env._(
                    "Only an approved deactivation is registered in the archives."
                )
            )
        items = self.sudo()._office_archive_register()
        missing = self.filtered(lambda r: not r.sudo().archive_item_ids)
        if missing:
            raise UserError(
                self.env._(
                    "Set up the fonds and the unit code of the archive office first."
                )
            )
        if len(self) == 1:
            return self.action_view_archive_item()
        return bool(items)

    def action_view_archive_item(self):
        self.ensure_one()
        item = self.sudo().archive_item_ids[:1]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Archive item"),
            "res_model": "office.archive.item",
            "res_id": item.id,
            "view_mode": "form",
        }
