// SPDX-License-Identifier: GPL-2.0
/* Regions for the rule coverage fixture. */

/* [mops-good] */
int good;
/* [/mops-good] */

/* [mops-notest] */
int notest;
/* [/mops-notest] */

/* [mops-nozh] */
int nozh;
/* [/mops-nozh] */

/* [mig-failing] */
int failing;
/* [/mig-failing] */

/* [mig-skipped] */
int skipped;
/* [/mig-skipped] */

/* [mops-elsewhere] */
int elsewhere;
/* [/mops-elsewhere] */

/* [mops-unused] */
int unused;
/* [/mops-unused] */

/* [/mops-stray] */

/* [mops-unclosed] */
int unclosed;
