/* user-space code under tools/: its names are no kernel API */
void io_uring_prep_rw(int op)
{
}
