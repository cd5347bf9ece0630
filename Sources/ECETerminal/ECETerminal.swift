// ECETerminal: views onto a screen model, rendered by ncurses or as plain text.
