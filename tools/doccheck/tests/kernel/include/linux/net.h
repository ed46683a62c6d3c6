/* A struct socket is what the tree's members named "sock" hold. */
struct proto_ops {
	int (*release)(struct socket *sock);
};

struct socket {
	const struct proto_ops *ops;
};

struct sock {
	int sk_flags;
};

struct sock_holder {
	struct socket *sock;
};
