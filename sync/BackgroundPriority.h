#pragma once

namespace skein::eas {

// Lowers the calling thread's share of a busy CPU below the GUI thread's.
// A sync that stores pages while other work (a local server, a build) keeps
// every core busy otherwise takes the window's time slices: its list
// refresh took twice its CPU time in wall time (bench_gui_sync). On an idle
// machine nothing changes: the thread still gets a core of its own.
void yieldCpuToTheWindow();

} // namespace skein::eas
