/* Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "accord-store.h"

G_BEGIN_DECLS

typedef enum
{
  ACCORD_MERGE_DEFAULT          = 0,
  /* When both partners have an active agreement, end the merged-away
   * partner's one (terminated today) instead of refusing the merge. */
  ACCORD_MERGE_DEMOTE_AGREEMENT = 1 << 0,
  /* For months both partners have figures for, keep @other's. */
  ACCORD_MERGE_FIGURES_OTHER    = 1 << 1,
} AccordMergeFlags;

/* What a merge changed, to undo it. Opaque. */
typedef struct _AccordMergeUndo AccordMergeUndo;

void     accord_merge_undo_free   (AccordMergeUndo *undo);

gboolean accord_merge_partners    (AccordStore       *store,
                                   AccordPartner     *keep,
                                   AccordPartner     *other,
                                   const gboolean    *take_other,
                                   AccordMergeFlags   flags,
                                   AccordMergeUndo  **undo_out,
                                   GError           **error);
gboolean accord_merge_undo        (AccordStore      *store,
                                   AccordMergeUndo  *undo,
                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordMergeUndo, accord_merge_undo_free)

G_END_DECLS
