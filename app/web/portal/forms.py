from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Length, Regexp


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(message="Enter your email."),
                                            Regexp(r"^[^@\s]+@[^@\s]+$", message="Enter a valid email address.")])
    password = PasswordField("Password", validators=[DataRequired(message="Enter your password."), Length(max=200)])
    submit = SubmitField("Sign in")
