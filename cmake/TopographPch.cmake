# Precompiled headers. Most of a translation unit's compile time here is parsing Qt's headers, so
# each library precompiles the Qt and standard headers the tree uses most (never project headers:
# a change to one would rebuild everything). The test executables, one or two sources each,
# share one precompiled header per directory and set of libraries (REUSE_FROM), since a header
# precompiled for a single source saves nothing. -DTOPOGRAPH_PCH=OFF builds without.
option(TOPOGRAPH_PCH "Use precompiled headers" ON)

set(TOPOGRAPH_PCH_CORE
    <QCoreApplication> <QDateTime> <QDir> <QElapsedTimer> <QFile> <QFileInfo> <QHash>
    <QJsonArray> <QJsonDocument> <QJsonObject> <QList> <QMap> <QMetaType> <QMutex> <QObject>
    <QProcess> <QRegularExpression> <QSet> <QSqlDatabase> <QSqlError> <QSqlQuery> <QSqlRecord>
    <QString> <QStringList> <QTemporaryDir> <QTextStream> <QThread> <QTimer> <QVariant>
    <algorithm> <atomic> <functional> <memory> <optional> <utility>)
set(TOPOGRAPH_PCH_GUI ${TOPOGRAPH_PCH_CORE}
    <QAction> <QApplication> <QDialog> <QDockWidget> <QGraphicsItem> <QGraphicsScene>
    <QGraphicsView> <QHeaderView> <QLabel> <QLineEdit> <QMainWindow> <QMenu> <QMessageBox>
    <QPainter> <QPushButton> <QSortFilterProxyModel> <QToolButton> <QTreeView> <QVBoxLayout>
    <QWidget>)
set(TOPOGRAPH_PCH_TEST <QSignalSpy> <QTest>)

# topograph_precompile(TARGET CORE|GUI [TEST]): TARGET's own precompiled header.
function(topograph_precompile target kind)
    if(NOT TOPOGRAPH_PCH)
        return()
    endif()
    set(headers ${TOPOGRAPH_PCH_${kind}})
    if("TEST" IN_LIST ARGN)
        list(APPEND headers ${TOPOGRAPH_PCH_TEST})
    endif()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

# topograph_reuse_test_pch(TARGET LIBRARIES...): TARGET (a test in the current directory, linked
# to topograph_core, the build flags, Qt Test and LIBRARIES) takes the precompiled header of a
# host target with exactly those links, made on first use. Same links, same definitions: GCC
# refuses a precompiled header whose macros differ.
function(topograph_reuse_test_pch target)
    if(NOT TOPOGRAPH_PCH)
        return()
    endif()
    string(MD5 hash "${CMAKE_CURRENT_SOURCE_DIR};${ARGN}")
    string(SUBSTRING "${hash}" 0 10 hash)
    set(host topograph_pch_${hash})
    if(NOT TARGET ${host})
        add_library(${host} OBJECT ${PROJECT_SOURCE_DIR}/cmake/pchhost.cpp)
        set_target_properties(${host} PROPERTIES AUTOMOC OFF)
        target_link_libraries(${host} PRIVATE topograph_core topograph_build_flags Qt6::Test ${ARGN})
        set(kind CORE)
        if("Qt6::Widgets" IN_LIST ARGN OR "topograph_gui" IN_LIST ARGN)
            set(kind GUI)
        endif()
        topograph_precompile(${host} ${kind} TEST)
    endif()
    target_precompile_headers(${target} REUSE_FROM ${host})
endfunction()

if(TOPOGRAPH_PCH)
    # A precompiled header GCC cannot use is skipped silently otherwise.
    target_compile_options(topograph_build_flags INTERFACE -Winvalid-pch)
endif()
