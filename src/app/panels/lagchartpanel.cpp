#include "panels/lagchartpanel.h"

#include <algorithm>

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QDateTimeAxis>
#include <QFile>
#include <QGraphicsLayout>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMap>
#include <QMessageBox>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include "lag/lagcsv.h"
#include "panels/laglinesitem.h"
#include "timeformat.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Distinguishable on light and dark backgrounds; an instance keeps its colour while shown.
const QList<QColor> kPalette { QColor(0x1f77b4), QColor(0xd62728), QColor(0x2ca02c),
    QColor(0x9467bd), QColor(0xff7f0e), QColor(0x17becf), QColor(0x8c564b), QColor(0xe377c2),
    QColor(0x7f7f7f), QColor(0xbcbd22) };

QString formatSeconds(double seconds)
{
    return seconds < 10 ? QString::number(seconds, 'f', 3) + u" s"_s
                        : QString::number(seconds, 'f', 1) + u" s"_s;
}

} // namespace

LagChartPanel::LagChartPanel(QWidget* parent)
    : QWidget(parent)
    , m_windowBox(new QComboBox(this))
    , m_measureBox(new QComboBox(this))
    , m_selectedOnly(new QCheckBox(tr("&Selected only"), this))
    , m_exportPng(new QToolButton(this))
    , m_exportCsv(new QToolButton(this))
    , m_fakeLag(new QFrame(this))
    , m_fakeLagLabel(new QLabel(m_fakeLag))
    , m_cleanButton(new QPushButton(tr("&Clean stale heartbeat rows…"), m_fakeLag))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_timeAxis(new QDateTimeAxis(this))
    , m_valueAxis(new QValueAxis(this))
    , m_band(nullptr)
    , m_bandLow(new QLineSeries(this))
    , m_bandHigh(new QLineSeries(this))
    , m_linesItem(new LagLinesItem(m_chart))
{
    setObjectName(u"lagChartPanel"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    buildToolBar();
    m_fakeLag->setObjectName(u"fakeLagWarning"_s);
    m_fakeLag->setStyleSheet(u"QFrame#fakeLagWarning { background: #fff4e0; "
                             "border: 1px solid #e8a33d; border-radius: 4px; } "
                             "QLabel { color: #3d2800; }"_s);
    m_fakeLagLabel->setWordWrap(true);
    m_cleanButton->setObjectName(u"cleanHeartbeatButton"_s);
    m_cleanButton->setToolTip(tr("Delete the stale rows on every instance of the cluster, "
                                 "unlogged, after a plan preview"));
    connect(m_cleanButton, &QPushButton::clicked, this, &LagChartPanel::cleanRequested);
    auto* warningLayout = new QHBoxLayout(m_fakeLag);
    warningLayout->setContentsMargins(6, 3, 3, 3);
    warningLayout->addWidget(m_fakeLagLabel, 1);
    warningLayout->addWidget(m_cleanButton);
    m_fakeLag->hide();
    layout->addWidget(m_fakeLag);
    layout->addWidget(m_view, 1);

    // The legend beside the plot: a dock is wider than high.
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->setBackgroundRoundness(0);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_timeAxis->setFormat(u"HH:mm:ss"_s);
    m_valueAxis->setTitleText(tr("seconds"));
    m_valueAxis->setLabelFormat(u"%.1f"_s);
    m_valueAxis->setTickCount(4);
    m_valueAxis->setMin(0);
    // The band above the threshold: lag a DBA should look at.
    m_band = new QAreaSeries(m_bandHigh, m_bandLow);
    m_band->setName(tr("over the threshold"));
    m_band->setColor(QColor(232, 163, 61, 48));
    m_band->setBorderColor(QColor(232, 163, 61, 140));
    m_chart->addSeries(m_band);
    m_band->attachAxis(m_timeAxis);
    m_band->attachAxis(m_valueAxis);
    // The lines are drawn by one item over the plot area (see LagLinesItem).
    m_linesItem->setZValue(100);
    connect(m_chart, &QChart::plotAreaChanged, this, &LagChartPanel::placeLines);
    connect(m_linesItem, &LagLinesItem::hovered, this,
        [this](const InstanceKey& key, const QPointF& point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC);
            QToolTip::showText(QCursor::pos(),
                tr("%1\n%2\n%3")
                    .arg(m_names.value(key, key.toString()), TimeFormat::display(at),
                        formatSeconds(point.y())),
                m_view);
        });
    connect(m_linesItem, &LagLinesItem::clicked, this, &LagChartPanel::instanceClicked);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(200, 150);
    setThreshold(m_threshold);
}

LagChartPanel::~LagChartPanel() = default;

void LagChartPanel::buildToolBar()
{
    auto* bar = new QHBoxLayout;
    m_windowBox->setObjectName(u"lagWindow"_s);
    m_windowBox->addItems({ tr("5 minutes"), tr("1 hour"), tr("6 hours"), tr("24 hours") });
    m_windowBox->setToolTip(tr("How far back the chart goes"));
    m_measureBox->setObjectName(u"lagMeasure"_s);
    m_measureBox->addItems({ tr("Heartbeat lag"), tr("Seconds_Behind_Master") });
    m_measureBox->setToolTip(tr("Lag measured with pt-heartbeat (or the lag query), or the "
                                "replica's own Seconds_Behind_Master"));
    m_selectedOnly->setToolTip(tr("Only the instance selected on the canvas"));
    m_exportPng->setText(tr("PNG…"));
    m_exportPng->setToolTip(tr("Save the chart as a PNG image"));
    m_exportCsv->setText(tr("CSV…"));
    m_exportCsv->setToolTip(tr("Save the samples of the window as CSV"));
    bar->addWidget(m_windowBox);
    bar->addWidget(m_measureBox);
    bar->addWidget(m_selectedOnly);
    bar->addStretch(1);
    bar->addWidget(m_exportPng);
    bar->addWidget(m_exportCsv);
    static_cast<QVBoxLayout*>(layout())->addLayout(bar);
    connect(m_windowBox, &QComboBox::currentIndexChanged, this,
        [this](int index) { setWindow(static_cast<Window>(index)); });
    connect(m_measureBox, &QComboBox::currentIndexChanged, this,
        [this](int index) { setMeasure(static_cast<Measure>(index)); });
    connect(m_selectedOnly, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(m_exportPng, &QToolButton::clicked, this, [this] { askExport(true); });
    connect(m_exportCsv, &QToolButton::clicked, this, [this] { askExport(false); });
}

void LagChartPanel::setInstances(
    const QList<InstanceKey>& keys, const QHash<InstanceKey, QString>& names)
{
    for (const InstanceKey& key : m_lines.keys()) {
        if (!keys.contains(key)) {
            removeLine(key);
        }
    }
    m_keys = keys;
    std::sort(m_keys.begin(), m_keys.end());
    m_names = names;
    for (auto it = m_lines.begin(); it != m_lines.end(); ++it) {
        it->legend->setName(m_names.value(it.key(), it.key().toString()));
    }
}

void LagChartPanel::setSelected(const std::optional<InstanceKey>& key)
{
    if (key != m_selected) {
        m_selected = key;
        if (m_selectedOnly->isChecked()) {
            refresh();
        }
    }
}

void LagChartPanel::setThreshold(int seconds)
{
    m_threshold = std::max(0, seconds);
    updateBand(m_valueAxis->max());
}

void LagChartPanel::setHeartbeatChecks(const QList<HeartbeatCheck>& checks)
{
    // Grouped by the server_id whose rows are stale: after a switchover the old primary's row
    // is on every instance, and is named once.
    QMap<quint32, QStringList> staleOn;
    QStringList stopped;
    qsizetype withTable = 0;
    for (const HeartbeatCheck& check : checks) {
        withTable += check.tableFound ? 1 : 0;
        for (const HeartbeatRow& row : check.rows) {
            if (row.state == HeartbeatRow::State::Stale) {
                staleOn[row.serverId] << check.instance.toString();
            } else if (row.state == HeartbeatRow::State::NotAdvancing) {
                stopped << check.instance.toString();
            }
        }
    }
    const auto listed = [](const QStringList& names) {
        return names.size() <= 3 ? names.join(u", "_s)
                                 : tr("%1 and %n more", nullptr, int(names.size() - 2))
                                       .arg(names.mid(0, 2).join(u", "_s));
    };
    QStringList lines;
    for (auto it = staleOn.cbegin(); it != staleOn.cend(); ++it) {
        lines << (it->size() > 1 && it->size() == withTable
                ? tr("stale heartbeat rows of server_id %1 on every instance (%2)")
                      .arg(it.key())
                      .arg(it->size())
                : tr("stale heartbeat rows of server_id %1 on %2").arg(it.key()).arg(listed(*it)));
    }
    if (!stopped.isEmpty()) {
        lines << tr("the primary's heartbeat row does not advance on %1 (pt-heartbeat stopped?)")
                     .arg(listed(stopped));
    }
    m_fakeLag->setVisible(!lines.isEmpty());
    m_fakeLagLabel->setText(
        lines.isEmpty() ? QString() : tr("⚠ Fake lag: %1.").arg(lines.join(u"; "_s)));
}

QString LagChartPanel::fakeLagText() const
{
    return m_fakeLag->isVisibleTo(this) ? m_fakeLagLabel->text() : QString();
}

qint64 LagChartPanel::windowSeconds(Window window)
{
    switch (window) {
    case Window::FiveMinutes:
        return 5 * 60;
    case Window::OneHour:
        return 3600;
    case Window::SixHours:
        return 6 * 3600;
    case Window::OneDay:
        break;
    }
    return 24 * 3600;
}

void LagChartPanel::setWindow(Window window)
{
    m_window = window;
    const QSignalBlocker blocker(m_windowBox);
    m_windowBox->setCurrentIndex(static_cast<int>(window));
    m_timeAxis->setFormat(window == Window::FiveMinutes ? u"HH:mm:ss"_s : u"HH:mm"_s);
    refresh();
}

void LagChartPanel::setMeasure(Measure measure)
{
    m_measure = measure;
    const QSignalBlocker blocker(m_measureBox);
    m_measureBox->setCurrentIndex(static_cast<int>(measure));
    refresh();
}

QList<InstanceKey> LagChartPanel::drawnKeys() const
{
    if (m_selectedOnly->isChecked()) {
        return m_selected && m_keys.contains(*m_selected) ? QList<InstanceKey> { *m_selected }
                                                          : QList<InstanceKey> {};
    }
    return m_keys;
}

LagChartPanel::Line& LagChartPanel::lineFor(const InstanceKey& key)
{
    auto it = m_lines.find(key);
    if (it != m_lines.end()) {
        return *it;
    }
    Line line;
    line.color = kPalette.at(m_keys.indexOf(key) % kPalette.size());
    // The legend entry: a series without points in the line's colour (the chart owns it).
    line.legend = new QLineSeries;
    line.legend->setColor(line.color);
    m_chart->addSeries(line.legend);
    line.legend->attachAxis(m_timeAxis);
    line.legend->attachAxis(m_valueAxis);
    for (QLegendMarker* marker : m_chart->legend()->markers(line.legend)) {
        connect(marker, &QLegendMarker::clicked, this,
            [this, key] { setInstanceVisible(key, !isInstanceVisible(key)); });
    }
    connect(line.legend, &QLineSeries::clicked, this, [this, key] { Q_EMIT instanceClicked(key); });
    it = m_lines.insert(key, line);
    return *it;
}

void LagChartPanel::removeLine(const InstanceKey& key)
{
    const Line line = m_lines.take(key);
    m_linesItem->removeLine(key);
    if (line.legend) {
        m_chart->removeSeries(line.legend);
        delete line.legend;
    }
}

void LagChartPanel::refresh(const QDateTime& now)
{
    const QDateTime to = now.toUTC();
    const QDateTime from = to.addSecs(-windowSeconds(m_window));
    m_lastFrom = from;
    m_lastTo = to;
    const QList<InstanceKey> shown = drawnKeys();
    for (const InstanceKey& key : m_lines.keys()) {
        if (!shown.contains(key)) {
            removeLine(key);
        }
    }
    // One bucket per pixel column: what the chart can show, whatever the window's length.
    const int buckets = std::max(50, int(m_chart->plotArea().width()));
    const LagHistory::Value value = m_measure == Measure::Lag
        ? LagHistory::Value(LagHistory::lagOf)
        : LagHistory::Value(LagHistory::secondsBehindMasterOf);
    double top = std::max(1.0, m_threshold * 1.5);
    for (const InstanceKey& key : shown) {
        QList<QList<QPointF>> runs = m_history ? m_history->series(key, from, to, buckets, value)
                                               : QList<QList<QPointF>> {};
        for (const QList<QPointF>& run : runs) {
            for (const QPointF& p : run) {
                top = std::max(top, p.y() * 1.1);
            }
        }
        Line& line = lineFor(key);
        line.legend->setName(m_names.value(key, key.toString()));
        m_linesItem->setLine(key, line.color, std::move(runs));
        m_linesItem->setLineVisible(key, line.visible);
    }
    // A rounded top (1, 2 or 5 × 10^n) moves the value axis only when the lag changes scale.
    const double decade = std::pow(10.0, std::floor(std::log10(top)));
    const int scale = top <= decade ? 1 : top <= 2 * decade ? 2 : top <= 5 * decade ? 5 : 10;
    m_top = decade * scale;
    m_valueAxis->setTickCount(
        scale == 2 ? 5 : 6); // ticks at round values: 0, 0.5, 1, ... or 0, 2, 4
    m_valueAxis->setRange(0, m_top);
    m_timeAxis->setRange(from.toLocalTime(), to.toLocalTime());
    updateBand(m_top);
    placeLines();
}

void LagChartPanel::placeLines()
{
    if (m_lastFrom.isValid()) {
        m_linesItem->setFrame(m_chart->plotArea(), double(m_lastFrom.toMSecsSinceEpoch()),
            double(m_lastTo.toMSecsSinceEpoch()), m_top);
    }
}

void LagChartPanel::updateBand(double top)
{
    const double threshold = m_threshold;
    const auto edge = [&](QLineSeries* series, double y) {
        series->replace({ QPointF(double(m_lastFrom.toMSecsSinceEpoch()), y),
            QPointF(double(m_lastTo.toMSecsSinceEpoch()), y) });
    };
    if (!m_lastFrom.isValid()) {
        return;
    }
    edge(m_bandLow, threshold);
    edge(m_bandHigh, std::max(threshold, top));
    m_band->setName(tr("over %1 s").arg(m_threshold));
}

QList<InstanceKey> LagChartPanel::shownInstances() const
{
    QList<InstanceKey> keys = m_lines.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

QList<QPointF> LagChartPanel::points(const InstanceKey& key) const
{
    return m_linesItem->points(key);
}

bool LagChartPanel::isInstanceVisible(const InstanceKey& key) const
{
    return m_lines.value(key).visible;
}

void LagChartPanel::setInstanceVisible(const InstanceKey& key, bool visible)
{
    auto it = m_lines.find(key);
    if (it == m_lines.end()) {
        return;
    }
    it->visible = visible;
    m_linesItem->setLineVisible(key, visible);
    // The legend entry stays, struck out while its line is hidden, to be clicked again.
    for (QLegendMarker* marker : m_chart->legend()->markers(it->legend)) {
        QFont font = marker->font();
        font.setStrikeOut(!visible);
        marker->setFont(font);
    }
}

bool LagChartPanel::exportCsv(const QString& path) const
{
    if (!m_history) {
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        return false;
    }
    const QByteArray csv = LagCsv::write(*m_history, drawnKeys(), m_lastFrom, m_lastTo).toUtf8();
    return file.write(csv) == csv.size();
}

bool LagChartPanel::exportPng(const QString& path) const
{
    return m_view->grab().save(path, "PNG");
}

void LagChartPanel::askExport(bool png)
{
    const QString path = QFileDialog::getSaveFileName(this,
        png ? tr("Save the lag chart") : tr("Save the lag samples"),
        png ? u"lag.png"_s : u"lag.csv"_s,
        png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (!(png ? exportPng(path) : exportCsv(path))) {
        QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
    }
}

} // namespace topograph
