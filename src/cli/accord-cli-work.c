/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "accord-cli-private.h"

int cli_command_start (Cli *cli, int argc, char **argv) { return usage_error ("TODO"); }
int cli_command_log (Cli *cli, int argc, char **argv) { return usage_error ("TODO"); }
int cli_command_due (Cli *cli, int argc, char **argv) { return usage_error ("TODO"); }
int cli_command_template (Cli *cli, int argc, char **argv) { return usage_error ("TODO"); }
