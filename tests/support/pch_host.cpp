// SPDX-License-Identifier: GPL-3.0-or-later
// Compiles the test suites' precompiled header (tests/CMakeLists.txt, ATC_PCH);
// the suites reuse it. Nothing else lives here.
