/* The BPF helpers: a variadic X-macro, ", ## ctx" drops the comma. */
#define ___BPF_FUNC_MAPPER(FN, ctx...)		\
	FN(unspec, 0, ##ctx)			\
	FN(map_lookup_elem, 1, ##ctx)		\
	FN(redirect_map, 51, ##ctx)

#define __BPF_ENUM_FN(x, y) BPF_FUNC_ ## x = y,
enum bpf_func_id {
	___BPF_FUNC_MAPPER(__BPF_ENUM_FN)
	__BPF_FUNC_MAX_ID,
};
