#pragma once

#include <QDateTime>
#include <QDialog>

#include <memory>
#include <optional>

#include "instancekey.h"
#include "promotion/promotionrule.h"

namespace Ui {
class RegisterCandidateDialog;
}

namespace topograph {

// Chooses the promotion rule to register for one instance (register-candidate), with what each
// rule means and when the registration expires (CandidateInstanceExpireMinutes). Only asks: the
// caller sends the choice to the fleet worker.
class RegisterCandidateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegisterCandidateDialog)

public:
    // current: the rule registered now, if any (preselected); else prefer, as the CLI defaults.
    RegisterCandidateDialog(const InstanceKey& key, std::optional<PromotionRule> current,
        int expireMinutes, const QDateTime& now, QWidget* parent = nullptr);
    ~RegisterCandidateDialog() override;

    PromotionRule rule() const;
    void setRule(PromotionRule rule);
    QString expiryText() const;

    static QString describe(PromotionRule rule);

private:
    void updateDescription();

    std::unique_ptr<Ui::RegisterCandidateDialog> m_ui;
};

} // namespace topograph
