#include "dialogs/registercandidatedialog.h"

#include <QComboBox>
#include <QPushButton>

#include "ui_registercandidatedialog.h"

using namespace Qt::StringLiterals;

namespace topograph {

RegisterCandidateDialog::RegisterCandidateDialog(const InstanceKey& key,
    std::optional<PromotionRule> current, int expireMinutes, const QDateTime& now, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RegisterCandidateDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Register %1 as candidate").arg(key.toString()));
    m_ui->introLabel->setText(
        tr("How much should %1 be preferred when its master fails and a replica is promoted in "
           "its place? The rule is written to the backend (candidate_database_instance), where "
           "orchestrator reads it too.")
            .arg(key.toString()));
    for (const QString& name : PromotionRules::registrableNames()) {
        m_ui->ruleCombo->addItem(name, QVariant::fromValue(*PromotionRules::fromName(name)));
    }
    setRule(current && *current != PromotionRule::Must ? *current : PromotionRule::Prefer);
    const QDateTime until = now.addSecs(static_cast<qint64>(expireMinutes) * 60).toLocalTime();
    m_ui->expiryLabel->setText(
        tr("The registration holds for %n minute(s), until %1, and then expires unless it is "
           "registered again (CandidateInstanceExpireMinutes).",
            nullptr, expireMinutes)
            .arg(until.toString(u"HH:mm"_s)));
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Register"));
    connect(m_ui->ruleCombo, &QComboBox::currentIndexChanged, this,
        &RegisterCandidateDialog::updateDescription);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateDescription();
}

RegisterCandidateDialog::~RegisterCandidateDialog() = default;

PromotionRule RegisterCandidateDialog::rule() const
{
    return m_ui->ruleCombo->currentData().value<PromotionRule>();
}

void RegisterCandidateDialog::setRule(PromotionRule rule)
{
    const int index = m_ui->ruleCombo->findData(QVariant::fromValue(rule));
    if (index >= 0) {
        m_ui->ruleCombo->setCurrentIndex(index);
    }
}

QString RegisterCandidateDialog::expiryText() const
{
    return m_ui->expiryLabel->text();
}

QString RegisterCandidateDialog::describe(PromotionRule rule)
{
    switch (rule) {
    case PromotionRule::Must:
        return tr("Promoted first.");
    case PromotionRule::Prefer:
        return tr("A preferred candidate: promoted over neutral replicas, and a better server "
                  "replaces a promoted replica that is not one.");
    case PromotionRule::Neutral:
        return tr("No preference: the most advanced suitable replica is promoted.");
    case PromotionRule::PreferNot:
        return tr("Promoted only when no other replica fits; a neutral replica then replaces it.");
    case PromotionRule::MustNot:
        return tr("Never promoted.");
    }
    return {};
}

void RegisterCandidateDialog::updateDescription()
{
    m_ui->ruleDescription->setText(describe(rule()));
}

} // namespace topograph
