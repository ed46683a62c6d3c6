/* SPDX-License-Identifier: GPL-2.0 */
/* The hooks of the security modules: return type, default, name, arguments. */
LSM_HOOK(int, 0, file_mprotect, struct vm_area_struct *vma,
	 unsigned long reqprot, unsigned long prot)
LSM_HOOK(void, LSM_RET_VOID, sample_hook_free, struct page *page)
