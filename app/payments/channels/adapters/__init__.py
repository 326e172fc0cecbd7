"""Channel adapters: one module per channel, all behind ``ChannelAdapter``."""
