import ECEChat
