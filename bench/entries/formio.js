// A Form.io contact form rendered by its form-only build (lighter than the builder bundle), from a
// form definition a department would write: topic, message, email, submit.
import '@formio/js/dist/formio.form.min.css';
import { Formio } from '@formio/js/form';
import form from './formio-contact-form.json' with { type: 'json' };

Formio.createForm(document.getElementById('formio'), form);
