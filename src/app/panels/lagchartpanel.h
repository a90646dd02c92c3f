#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QWidget>

#include <optional>

#include "instancekey.h"
#include "lag/heartbeatrow.h"
#include "lag/laghistory.h"

class QAreaSeries;
class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QFrame;
class QLabel;
class QLineSeries;
class QPushButton;
class QToolButton;
class QValueAxis;

namespace topograph {

class LagLinesItem;

// The lag chart dock (DESIGN §8, §10): one line per replica of the open cluster (or only the
// selected instance), over a window of 5 min, 1 h, 6 h or 24 h, of the measured lag (heartbeat or
// the lag query) or of Seconds_Behind_Master. The samples live in a LagHistory (core); each
// refresh decimates the window to the minimum and maximum per pixel column, so a long window
// of many series redraws quickly, and a missing value breaks the line instead of drawing a zero.
// The band above ReasonableReplicationLagSeconds is shaded. Hovering a line names the instance,
// the time and the value; clicking a legend entry shows or hides that instance; clicking a line
// asks for its card. Export writes the chart as PNG or the window's samples as CSV. Stale
// heartbeat rows (fake lag) are named above the chart.
class LagChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagChartPanel)

public:
    enum class Window {
        FiveMinutes,
        OneHour,
        SixHours,
        OneDay,
    };
    enum class Measure {
        Lag, // heartbeat, or the lag query
        SecondsBehindMaster,
    };

    explicit LagChartPanel(QWidget* parent = nullptr);
    ~LagChartPanel() override;

    // The history stays the caller's; it is read on refresh().
    void setHistory(const LagHistory* history) { m_history = history; }
    // The replicas to draw, with the names to show (alias or host:port).
    void setInstances(const QList<InstanceKey>& keys, const QHash<InstanceKey, QString>& names);
    void setSelected(const std::optional<InstanceKey>& key);
    void setThreshold(int seconds);
    void setHeartbeatChecks(const QList<HeartbeatCheck>& checks);
    void setWindow(Window window);
    void setMeasure(Measure measure);
    Window window() const { return m_window; }
    Measure measure() const { return m_measure; }
    static qint64 windowSeconds(Window window);

    // Redraws from the history up to now (the chart's right edge).
    void refresh(const QDateTime& now = QDateTime::currentDateTimeUtc());

    bool exportCsv(const QString& path) const;
    bool exportPng(const QString& path) const;

    // For tests: the instances drawn, and the points of one (all its runs, in time order).
    QList<InstanceKey> shownInstances() const;
    QList<QPointF> points(const InstanceKey& key) const;
    bool isInstanceVisible(const InstanceKey& key) const;
    void setInstanceVisible(const InstanceKey& key, bool visible); // as a legend click does
    QString fakeLagText() const;
    QChart* chart() const { return m_chart; }

Q_SIGNALS:
    void instanceClicked(const topograph::InstanceKey& key);
    // The fake-lag warning's button: clean the stale heartbeat rows of the cluster.
    void cleanRequested();

private:
    struct Line
    {
        QLineSeries* legend = nullptr; // no points: its legend entry and colour only
        QColor color;
        bool visible = true;
    };

    void buildToolBar();
    Line& lineFor(const InstanceKey& key);
    void removeLine(const InstanceKey& key);
    void updateBand(double top);
    void placeLines();
    void askExport(bool png);
    QList<InstanceKey> drawnKeys() const;

    const LagHistory* m_history = nullptr;
    QList<InstanceKey> m_keys;
    QHash<InstanceKey, QString> m_names;
    std::optional<InstanceKey> m_selected;
    QHash<InstanceKey, Line> m_lines;
    Window m_window = Window::FiveMinutes;
    Measure m_measure = Measure::Lag;
    int m_threshold = 10;
    QDateTime m_lastFrom;
    QDateTime m_lastTo;

    QComboBox* m_windowBox;
    QComboBox* m_measureBox;
    QCheckBox* m_selectedOnly;
    QToolButton* m_exportPng;
    QToolButton* m_exportCsv;
    QFrame* m_fakeLag;
    QLabel* m_fakeLagLabel;
    QPushButton* m_cleanButton;
    QChart* m_chart;
    QChartView* m_view;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_valueAxis;
    QAreaSeries* m_band;
    QLineSeries* m_bandLow;
    QLineSeries* m_bandHigh;
    LagLinesItem* m_linesItem;
    double m_top = 1;
};

} // namespace topograph
